-- Atrium store, version 6: quotas per domain and warning levels (issue #6).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- A domain's default quota (RFC 9208 §5 STORAGE in octets, MESSAGE as a count) for its accounts that have no limit
-- of their own; null: none, the server default (atrium.quota.default.bytes) applies to storage.
ALTER TABLE domain ADD COLUMN quota_bytes BIGINT;
ALTER TABLE domain ADD COLUMN quota_messages BIGINT;

-- The warning level as a percentage (1..100) of the effective limits: the account's, else its domain's, else 90.
-- Above it the administration view flags the account (overWarning); mail is refused only at the limit itself.
ALTER TABLE domain ADD COLUMN quota_warn_percent INTEGER;
ALTER TABLE account ADD COLUMN quota_warn_percent INTEGER;
