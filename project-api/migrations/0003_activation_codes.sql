-- 0003: one-time activation codes with which a participant sets their own PIN.
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
