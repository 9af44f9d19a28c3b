-- Current schema of epro_pdf (owned by pdf-rpc). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `documents` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `report_id` varchar(64) NOT NULL,
  `kind` varchar(16) NOT NULL DEFAULT 'summary',
  `storage_key` varchar(255) NOT NULL COMMENT 'content address in the storage backend',
  `sha256` char(64) NOT NULL,
  `size_bytes` bigint NOT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_report_sha` (`report_id`,`sha256`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `attachments` (
  `id` char(36) NOT NULL,
  `project_id` varchar(64) NOT NULL,
  `site_id` bigint NOT NULL DEFAULT 0,
  `patient_id` varchar(64) NOT NULL,
  `content_type` varchar(32) NOT NULL,
  `width` int NOT NULL,
  `height` int NOT NULL,
  `size_bytes` bigint NOT NULL,
  `storage_key` varchar(255) NOT NULL,
  `sha256` char(64) NOT NULL,
  `thumb_key` varchar(255) NOT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  KEY `idx_patient` (`project_id`,`patient_id`)
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