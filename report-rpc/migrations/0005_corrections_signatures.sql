-- 0005: staff corrections of submitted reports as new versions (the submission, version 1, stays in `reports`
-- untouched), scores per version, and Part 11 electronic signatures bound to the hash of the signed version.
ALTER TABLE `reports`
  ADD COLUMN `current_version` int NOT NULL DEFAULT 1 COMMENT 'latest version; 1 is the submission as received' AFTER `received_at`;

CREATE TABLE `report_versions` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `report_id` char(36) NOT NULL,
  `version` int NOT NULL COMMENT '2 and up',
  `items` mediumtext NOT NULL COMMENT 'QuestionnaireResponse items JSON of this version',
  `reason` varchar(512) NOT NULL COMMENT 'reason for change',
  `corrected_by` bigint NOT NULL,
  `corrected_role` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL COMMENT 'UTC',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_report_version` (`report_id`,`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE `scores`
  ADD COLUMN `report_version` int NOT NULL DEFAULT 1 AFTER `report_id`,
  DROP INDEX `uk_report_instrument_rules`,
  ADD UNIQUE KEY `uk_report_version_instrument_rules` (`report_id`,`report_version`,`instrument`,`rule_set_id`,`rule_set_version`);

CREATE TABLE `signatures` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `report_id` char(36) NOT NULL,
  `report_version` int NOT NULL,
  `content_hash` char(64) NOT NULL COMMENT 'SHA-256 of the signed version (review.ContentHash)',
  `signer_id` bigint NOT NULL,
  `signer_role` varchar(32) NOT NULL,
  `printed_name` varchar(128) NOT NULL,
  `meaning` varchar(16) NOT NULL COMMENT 'reviewed or approved',
  `signed_at` datetime(6) NOT NULL COMMENT 'UTC',
  `session_id` varchar(64) NOT NULL COMMENT 'login session it was made in (21 CFR 11.200: first signing needs ID + password)',
  PRIMARY KEY (`id`),
  KEY `idx_report` (`report_id`),
  KEY `idx_signer_session` (`signer_id`,`session_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
