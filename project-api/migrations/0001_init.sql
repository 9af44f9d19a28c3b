-- 0001: initial schema
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
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_user` (`project_id`,`user_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `participants` (
  `id` bigint NOT NULL AUTO_INCREMENT,
  `project_id` varchar(64) NOT NULL,
  `subject_code` varchar(64) NOT NULL COMMENT 'pseudonymous code, unique per trial',
  `user_id` bigint NOT NULL COMMENT 'participant identity in user-rpc',
  `status` varchar(16) NOT NULL DEFAULT 'enrolled',
  `created_at` datetime(3) NOT NULL DEFAULT current_timestamp(3),
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_project_subject` (`project_id`,`subject_code`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
