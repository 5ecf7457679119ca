"""检查、整改与验收 (acceptance), a part of 平台建设与考核 (hrss/network)."""
