-- Current schema of epro_report (owned by report-rpc). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `reports` (
  `id` char(36) NOT NULL COMMENT 'UUIDv7, time-ordered',
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `site_id` bigint NOT NULL DEFAULT 0,
  `patient_id` varchar(64) NOT NULL,
  `questionnaire_url` varchar(255) NOT NULL DEFAULT '',
  `questionnaire_version` varchar(32) NOT NULL DEFAULT '',
  `client_submission_id` char(36) DEFAULT NULL COMMENT 'idempotency key chosen by the device',
  `score` int NOT NULL,
  `notes` text NOT NULL,
  `items` mediumtext DEFAULT NULL COMMENT 'QuestionnaireResponse items JSON',
  `attachment_ids` text DEFAULT NULL COMMENT 'JSON list',
  `authored_at` datetime(6) DEFAULT NULL COMMENT 'device time, UTC',
  `authored_offset_min` smallint NOT NULL DEFAULT 0 COMMENT 'device UTC offset, minutes',
  `received_at` datetime(6) NOT NULL COMMENT 'server receive time, UTC',
  `current_version` int NOT NULL DEFAULT 1 COMMENT 'latest version; 1 is the submission as received',
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_client_submission` (`project_id`,`patient_id`,`client_submission_id`),
  KEY `idx_patient_received` (`patient_id`,`received_at`),
  KEY `idx_project_received` (`project_id`,`received_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `report_tasks` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `report_id` char(36) NOT NULL,
  `task` varchar(16) NOT NULL COMMENT 'ai or pdf',
  `status` varchar(16) NOT NULL DEFAULT 'pending' COMMENT 'pending, done or failed',
  `attempts` int NOT NULL DEFAULT 0,
  `result` text NOT NULL COMMENT 'JSON summary of the outcome',
  `last_error` varchar(255) NOT NULL DEFAULT '',
  `next_attempt_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  `lease_owner` varchar(64) NOT NULL DEFAULT '',
  `lease_until` datetime(3) NOT NULL DEFAULT '1970-01-01 00:00:01.000',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  `updated_at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_report_task` (`report_id`,`task`),
  KEY `idx_due` (`status`,`next_attempt_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `questionnaires` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `url` varchar(255) NOT NULL,
  `version` varchar(32) NOT NULL,
  `title` varchar(255) NOT NULL DEFAULT '',
  `status` varchar(16) NOT NULL COMMENT 'draft, active (published, immutable) or retired',
  `template` varchar(32) NOT NULL DEFAULT '' COMMENT 'built-in template it was adopted from',
  `definition` mediumtext NOT NULL COMMENT 'FHIR R4 Questionnaire JSON',
  `published_at` datetime(3) DEFAULT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_url_version` (`project_id`,`url`,`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `scores` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `report_id` char(36) NOT NULL,
  `report_version` int NOT NULL DEFAULT 1,
  `project_id` varchar(64) NOT NULL,
  `patient_id` varchar(64) NOT NULL,
  `instrument` varchar(32) NOT NULL,
  `total` int NOT NULL,
  `band` varchar(32) NOT NULL,
  `rule_set_id` varchar(32) NOT NULL,
  `rule_set_version` varchar(16) NOT NULL,
  `current` tinyint(1) NOT NULL DEFAULT 1 COMMENT '0: superseded by a re-score, kept',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_report_version_instrument_rules` (`report_id`,`report_version`,`instrument`,`rule_set_id`,`rule_set_version`),
  KEY `idx_patient_instrument` (`project_id`,`patient_id`,`instrument`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `alerts` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `site_id` bigint NOT NULL DEFAULT 0,
  `report_id` char(36) NOT NULL,
  `patient_id` varchar(64) NOT NULL,
  `rule` varchar(32) NOT NULL,
  `source` varchar(8) NOT NULL COMMENT 'rule or ai',
  `severity` varchar(8) NOT NULL COMMENT 'review, high, urgent',
  `status` varchar(16) NOT NULL DEFAULT 'open' COMMENT 'open, acknowledged, resolved',
  `reason` varchar(255) NOT NULL,
  `ack_due_at` datetime(3) NOT NULL,
  `acknowledged_by` bigint NOT NULL DEFAULT 0,
  `acknowledged_at` datetime(3) DEFAULT NULL,
  `resolved_by` bigint NOT NULL DEFAULT 0,
  `resolved_at` datetime(3) DEFAULT NULL,
  `resolution_note` text DEFAULT NULL,
  `escalations` int NOT NULL DEFAULT 0,
  `escalated_at` datetime(3) DEFAULT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_report_rule` (`report_id`,`rule`),
  KEY `idx_project_status` (`project_id`,`status`,`severity`),
  KEY `idx_due` (`status`,`ack_due_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `trial_settings` (
  `project_id` varchar(64) NOT NULL,
  `ack_deadline_minutes` int NOT NULL DEFAULT 60,
  `thresholds` text NOT NULL COMMENT 'JSON scoring.Thresholds',
  `updated_at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  PRIMARY KEY (`project_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `audit_log` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `seq` bigint NOT NULL DEFAULT 0 COMMENT 'position in the trial''s chain, from 1',
  `occurred_at` datetime(6) NOT NULL COMMENT 'UTC',
  `actor_id` bigint NOT NULL,
  `actor_role` varchar(32) NOT NULL,
  `action` varchar(64) NOT NULL,
  `entity_type` varchar(32) NOT NULL,
  `entity_id` varchar(64) NOT NULL,
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `changes` text NOT NULL COMMENT 'JSON {field: [old, new]}; PHI fields show only that they changed',
  `reason` varchar(512) NOT NULL DEFAULT '' COMMENT 'reason for change',
  `request_id` varchar(64) NOT NULL DEFAULT '',
  `client_ip` varchar(64) NOT NULL DEFAULT '',
  `prev_hash` char(64) NOT NULL DEFAULT '',
  `hash` char(64) NOT NULL DEFAULT '' COMMENT 'hex SHA-256(prev_hash ‖ canonical row)',
  PRIMARY KEY (`id`),
  KEY `idx_entity` (`entity_type`,`entity_id`),
  KEY `idx_project_time` (`project_id`,`occurred_at`),
  KEY `idx_project_id` (`project_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `audit_chain` (
  `project_id` varchar(64) NOT NULL,
  `seq` bigint NOT NULL DEFAULT 0,
  `head_hash` char(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`project_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
