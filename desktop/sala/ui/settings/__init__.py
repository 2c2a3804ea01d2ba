"""Settings: report header, default province, language, data folder and backups."""
