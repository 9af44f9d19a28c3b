-- Current schema of epro_project (owned by project-api). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `projects` (
  `id` varchar(64) NOT NULL,
  `name` varchar(200) NOT NULL,
  `status` varchar(16) NOT NULL DEFAULT 'active',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  `updated_at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `project_members` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `user_id` bigint NOT NULL COMMENT 'user id in user-rpc',
  `role` varchar(16) NOT NULL COMMENT 'PI, SUB_I, CRC, DM, MONITOR, SPONSOR, ADMIN',
  `site_id` bigint NOT NULL DEFAULT 0 COMMENT '0: all sites of the trial',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_user` (`project_id`,`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `participants` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `subject_code` varchar(64) NOT NULL COMMENT 'pseudonymous code, unique per trial',
  `site_id` bigint NOT NULL DEFAULT 0,
  `arm` varchar(32) NOT NULL DEFAULT '',
  `user_id` bigint NOT NULL COMMENT 'participant identity in user-rpc',
  `status` varchar(16) NOT NULL DEFAULT 'enrolled',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_subject` (`project_id`,`subject_code`),
  UNIQUE KEY `uk_user` (`user_id`),
  KEY `idx_project_site` (`project_id`,`site_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `sites` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `code` varchar(32) NOT NULL,
  `name` varchar(200) NOT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_code` (`project_id`,`code`)
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

CREATE TABLE `activation_codes` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `participant_id` bigint NOT NULL,
  `code_hash` char(64) NOT NULL COMMENT 'SHA-256 of the code; the code itself is shown once',
  `expires_at` datetime(3) NOT NULL,
  `used_at` datetime(3) DEFAULT NULL,
  `created_by` bigint NOT NULL,
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_code_hash` (`code_hash`),
  KEY `idx_participant` (`participant_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
