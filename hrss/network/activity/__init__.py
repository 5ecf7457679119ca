"""应用与联网 (activity), a part of 平台建设与考核 (hrss/network)."""
