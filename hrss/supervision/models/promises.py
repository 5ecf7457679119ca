"""The promises part's models (服务规范（一次性告知、服务承诺、限时办结）)."""
