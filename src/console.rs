//! The Windows console. PartnerPath is a windowed program there, so starting
//! it from the Start menu opens no console window; when it is started from a
//! terminal instead (`partnerpath.exe print …`), it attaches to that
//! terminal's console so that its messages are shown. Elsewhere this does
//! nothing.

/// Attaches to the console of the terminal that started PartnerPath, if any.
/// Output already sent to a file or a pipe keeps going there.
#[cfg(windows)]
#[expect(unsafe_code, reason = "one Win32 call that takes no pointers")]
pub fn attach_to_parent() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id and touches no memory of ours.
    // It fails when no terminal started PartnerPath (the Start menu did): no
    // console is wanted then, so its result needs no handling.
    unsafe { AttachConsole(ATTACH_PARENT_PROCESS) };
}

/// Nothing to do outside Windows: a terminal's output is always inherited.
#[cfg(not(windows))]
pub fn attach_to_parent() {}
