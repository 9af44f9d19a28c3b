-- Current schema of epro_ai (owned by ai-gateway). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `assessments` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `report_id` varchar(64) NOT NULL,
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `engine` varchar(32) NOT NULL COMMENT 'builtin or a provider name',
  `model` varchar(128) NOT NULL DEFAULT '' COMMENT 'external model name; empty for the built-in engine',
  `engine_version` varchar(64) NOT NULL COMMENT 'rule-set, model or prompt version',
  `input_hash` char(64) NOT NULL COMMENT 'SHA-256 of the assessed text',
  `risk_level` varchar(16) NOT NULL,
  `sentiment` double NOT NULL,
  `output` text NOT NULL COMMENT 'JSON result',
  `latency_ms` int NOT NULL,
  `fallback` tinyint(1) NOT NULL DEFAULT 0,
  `fallback_reason` varchar(255) NOT NULL DEFAULT '',
  `cached` tinyint(1) NOT NULL DEFAULT 0 COMMENT 'answered from an earlier assessment of the same input and version',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  KEY `idx_report` (`report_id`),
  KEY `idx_input_version` (`input_hash`,`engine_version`)
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