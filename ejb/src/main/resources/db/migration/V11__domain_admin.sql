-- Atrium store, version 11: domain administrators (issue #6, ADR 0015).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- A user who administers the users, groups and settings of one hosted domain without being a global administrator
-- (account.admin). Goes with the account or the domain.
CREATE TABLE domain_admin (
    account_id  BIGINT                   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    domain_id   BIGINT                   NOT NULL REFERENCES domain (id) ON DELETE CASCADE,
    granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_domain_admin PRIMARY KEY (account_id, domain_id)
);

CREATE INDEX ix_domain_admin_domain ON domain_admin (domain_id);
