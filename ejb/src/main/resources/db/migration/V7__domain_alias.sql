-- Atrium store, version 7: domain aliases (issue #6).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- Another name of a hosted domain: mail to x@<name> reaches x@<domain>. The alias is a local domain for the
-- recipient checks of RFC 5321 §2.3.5; it is never a hosted domain itself, nor the alias of two domains.
CREATE TABLE domain_alias (
    name        VARCHAR(253)             NOT NULL,
    domain_id   BIGINT                   NOT NULL REFERENCES domain (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_domain_alias PRIMARY KEY (name)
);

CREATE INDEX ix_domain_alias_domain ON domain_alias (domain_id);
