"""建设资金 (funding), a part of 平台建设与考核 (hrss/network)."""
