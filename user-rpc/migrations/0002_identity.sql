-- 0002: identity fields (PHI encrypted at rest with a key id for rotation), platform role, audit trail.
ALTER TABLE `users`
  ADD COLUMN `platform_role` varchar(16) NOT NULL DEFAULT '' COMMENT 'admin: creates trials, ADMIN in every trial' AFTER `status`,
  ADD COLUMN `phone_enc` varbinary(512) DEFAULT NULL COMMENT 'AES-GCM nonce+ciphertext' AFTER `platform_role`,
  ADD COLUMN `phone_key` varchar(32) NOT NULL DEFAULT '' COMMENT 'id of the key phone_enc was sealed with' AFTER `phone_enc`,
  ADD COLUMN `national_id_enc` varbinary(512) DEFAULT NULL COMMENT 'AES-GCM nonce+ciphertext' AFTER `phone_key`,
  ADD COLUMN `national_id_key` varchar(32) NOT NULL DEFAULT '' COMMENT 'id of the key national_id_enc was sealed with' AFTER `national_id_enc`;

CREATE TABLE `audit_log` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `occurred_at` datetime(6) NOT NULL COMMENT 'UTC',
  `actor_id` bigint NOT NULL,
  `actor_role` varchar(32) NOT NULL,
  `action` varchar(64) NOT NULL,
  `entity_type` varchar(32) NOT NULL,
  `entity_id` varchar(64) NOT NULL,
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `changes` text NOT NULL COMMENT 'JSON {field: [old, new]}; PHI fields show only that they changed',
  `request_id` varchar(64) NOT NULL DEFAULT '',
  `client_ip` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `idx_entity` (`entity_type`,`entity_id`),
  KEY `idx_project_time` (`project_id`,`occurred_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
