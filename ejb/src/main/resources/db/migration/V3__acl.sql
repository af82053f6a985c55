-- Atrium store, version 3: access control lists of folders (IMAP ACL, RFC 4314).
-- Portable SQL: the same script runs on H2 2.2 and PostgreSQL 15.

-- One row per (folder, identifier). An identifier is a lower-case account address (at most 320 characters:
-- 64 local + @ + 255 domain, RFC 5321 §4.5.3.1) or "anyone" (RFC 4314 §2). Rights are the letters of RFC 4314 §2.1
-- in canonical order. The owner's rights are implicit (all of them) and never stored. Rows go with their folder.
CREATE TABLE folder_acl (
    folder_id   BIGINT       NOT NULL REFERENCES folder (id) ON DELETE CASCADE,
    identifier  VARCHAR(320) NOT NULL,
    rights      VARCHAR(32)  NOT NULL,
    CONSTRAINT pk_folder_acl PRIMARY KEY (folder_id, identifier)
);
