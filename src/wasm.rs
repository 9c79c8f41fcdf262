//! WebAssembly binding. PROVISIONAL: to be replaced by the full binding (UTF-16 offsets).
