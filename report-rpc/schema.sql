-- Current schema of epro_report (owned by report-rpc). Source for `goctl model`; migrations/ must produce exactly this.
CREATE TABLE `reports` (
  `id` char(36) NOT NULL COMMENT 'UUIDv7, time-ordered',
  `project_id` varchar(64) NOT NULL DEFAULT '',
  `site_id` bigint NOT NULL DEFAULT 0,
  `patient_id` varchar(64) NOT NULL,
  `score` int NOT NULL,
  `notes` text NOT NULL,
  `received_at` datetime(6) NOT NULL COMMENT 'server receive time, UTC',
  PRIMARY KEY (`id`),
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
