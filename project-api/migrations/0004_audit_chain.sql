-- Hash-chained, append-only audit trail (21 CFR Part 11 §11.10(e), EU Annex 11): every row stores its place in
-- its trial's chain (seq), the reason for change, and SHA-256(previous hash ‖ canonical row) (common/auditchain).
-- audit_chain keeps each chain's head, so rows deleted from the end are noticed too.
ALTER TABLE `audit_log`
  ADD COLUMN `seq` bigint NOT NULL DEFAULT 0 COMMENT 'position in the trial''s chain, from 1' AFTER `id`,
  ADD COLUMN `reason` varchar(512) NOT NULL DEFAULT '' COMMENT 'reason for change' AFTER `changes`,
  ADD COLUMN `prev_hash` char(64) NOT NULL DEFAULT '' AFTER `client_ip`,
  ADD COLUMN `hash` char(64) NOT NULL DEFAULT '' COMMENT 'hex SHA-256(prev_hash ‖ canonical row)' AFTER `prev_hash`,
  ADD KEY `idx_project_id` (`project_id`,`id`);

CREATE TABLE `audit_chain` (
  `project_id` varchar(64) NOT NULL,
  `seq` bigint NOT NULL DEFAULT 0,
  `head_hash` char(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`project_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only for every database user, the service's own included: a database-wide GRANT cannot leave one table
-- out, a trigger can. Removing them takes the TRIGGER privilege, and the verification still names an altered row.
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only';
