-- 0001: initial schema
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
