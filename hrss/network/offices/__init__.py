"""服务机构 (offices), a part of 平台建设与考核 (hrss/network)."""
