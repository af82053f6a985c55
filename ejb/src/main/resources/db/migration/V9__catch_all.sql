-- Atrium store, version 9: a catch-all address per domain (issue #4, ADR 0012).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- Where mail to an unknown local part of the domain goes: an existing account, alias, group or public folder here,
-- or an address outside (RFC 5321 §4.1.1: up to 64 + 1 + 255 octets). Null (the default): unknown addresses are
-- refused at RCPT with 550 5.1.1.
ALTER TABLE domain ADD COLUMN catch_all VARCHAR(320);
