-- Atrium store, version 4: public folders, shared mailboxes and delegation (ADR 0006).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- An account is a USER (a person's mailbox; logs in, receives mail) or a PUBLIC folder store: the holder of a public
-- folder tree, for the organisation (PUBLIC_ORG, one) or for one domain (PUBLIC_DOMAIN, at most one per domain, whose
-- users then see it instead of the organisation's). Store accounts have internal addresses that are not mail
-- addresses ("#public@organisation", "#public@<domain>"), no password, and are never recipients, GAL entries or users.
ALTER TABLE account ADD COLUMN kind VARCHAR(16) DEFAULT 'USER' NOT NULL;

-- Who filed an item (APPEND, COPY, MOVE, a post to a mail-enabled folder): the "own items" of Exchange's Author roles.
-- Null for mail delivered from outside and for items filed before this version.
ALTER TABLE mail_item ADD COLUMN creator_id BIGINT REFERENCES account (id) ON DELETE SET NULL;

-- Public folder quotas (ADR 0006): above warn_bytes the folder's owners are told, above prohibit_bytes posting and
-- appending are refused. Null: no limit. Private folders use the account's quota and leave these null.
ALTER TABLE folder ADD COLUMN quota_warn_bytes BIGINT;
ALTER TABLE folder ADD COLUMN quota_prohibit_bytes BIGINT;
ALTER TABLE folder ADD COLUMN quota_warned_at TIMESTAMP WITH TIME ZONE;

-- ACL entries gain the rights an identifier has on the items it created itself (Exchange's "edit own" and "delete
-- own": letters among w, t, e); RFC 4314 rights in "rights" apply to every item. IMAP shows only "rights".
-- Identifiers now also name groups (a mail_group address: its members, nested) and "authenticated" (Exchange's
-- "Default": every signed-in user); "anyone" (RFC 4314 §2) is everybody, also the unauthenticated (Exchange's
-- "Anonymous", e.g. an outside sender posting to a mail-enabled folder).
ALTER TABLE folder_acl ADD COLUMN own_rights VARCHAR(8) DEFAULT '' NOT NULL;

-- Per-user \Seen in public folders (each reader has their own read state; every other flag is shared).
CREATE TABLE item_seen (
    item_id     BIGINT NOT NULL REFERENCES mail_item (id) ON DELETE CASCADE,
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT pk_item_seen PRIMARY KEY (item_id, account_id)
);
CREATE INDEX ix_item_seen_account ON item_seen (account_id);

-- Subscriptions of a user to folders that are not their own (other users' shared folders, public folders);
-- a user's own folders keep folder.subscribed.
CREATE TABLE folder_subscription (
    account_id  BIGINT NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    folder_id   BIGINT NOT NULL REFERENCES folder (id) ON DELETE CASCADE,
    CONSTRAINT pk_folder_subscription PRIMARY KEY (account_id, folder_id)
);
CREATE INDEX ix_folder_subscription_folder ON folder_subscription (folder_id);

-- Mail-enabled public folders: mail to the address is filed into the folder when the sender may post there
-- (the "p" right). The address is in the GAL. One address per folder; unique across the directory.
CREATE TABLE folder_address (
    address       VARCHAR(320) NOT NULL,
    folder_id     BIGINT       NOT NULL REFERENCES folder (id) ON DELETE CASCADE,
    display_name  VARCHAR(256),
    CONSTRAINT pk_folder_address PRIMARY KEY (address),
    CONSTRAINT uq_folder_address_folder UNIQUE (folder_id)
);

-- Delegation of a whole mailbox: access NONE, READ (lrs... on every folder) or FULL (every right but "a"), and the
-- sending grants the transport enforces: send as the owner, or send on behalf of them (Sender: header).
CREATE TABLE mailbox_grant (
    owner_id        BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    grantee         VARCHAR(320) NOT NULL,
    access          VARCHAR(8)   NOT NULL,
    send_as         BOOLEAN      NOT NULL,
    send_on_behalf  BOOLEAN      NOT NULL,
    CONSTRAINT pk_mailbox_grant PRIMARY KEY (owner_id, grantee)
);
CREATE INDEX ix_mailbox_grant_grantee ON mailbox_grant (grantee);
