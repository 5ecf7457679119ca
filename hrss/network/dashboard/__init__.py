"""平台总览 (dashboard), a part of 平台建设与考核 (hrss/network)."""
