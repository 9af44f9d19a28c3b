-- 0002: participants' photos (re-encoded without metadata) and their thumbnails.
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
