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
