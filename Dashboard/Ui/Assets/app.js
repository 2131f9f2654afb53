// UI: see below
