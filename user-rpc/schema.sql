-- Current schema of epro_user (owned by user-rpc). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `users` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `kind` varchar(16) NOT NULL DEFAULT 'staff' COMMENT 'staff or participant',
  `username` varchar(64) DEFAULT NULL COMMENT 'staff login name; NULL for participants',
  `display_name` varchar(128) NOT NULL,
  `password_hash` varchar(255) NOT NULL DEFAULT '' COMMENT 'bcrypt',
  `status` varchar(16) NOT NULL DEFAULT 'active' COMMENT 'active or disabled',
  `platform_role` varchar(16) NOT NULL DEFAULT '' COMMENT 'admin: creates trials, ADMIN in every trial',
  `phone_enc` varbinary(512) DEFAULT NULL COMMENT 'AES-GCM nonce+ciphertext',
  `phone_key` varchar(32) NOT NULL DEFAULT '' COMMENT 'id of the key phone_enc was sealed with',
  `national_id_enc` varbinary(512) DEFAULT NULL COMMENT 'AES-GCM nonce+ciphertext',
  `national_id_key` varchar(32) NOT NULL DEFAULT '' COMMENT 'id of the key national_id_enc was sealed with',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  `updated_at` datetime(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_username` (`username`)
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
