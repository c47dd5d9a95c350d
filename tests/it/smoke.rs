//! Starts the real program in a virtual display (Xvfb) on the sample data
//! and checks that it painted its first frame.

use std::process::Command;

#[test]
fn the_program_paints_its_first_frame_on_the_sample_data() {
    let xvfb_run = Command::new("xvfb-run").arg("--help").output();
    assert!(
        xvfb_run.is_ok(),
        "xvfb-run is needed for this test: run the tests with ./scripts/test, which installs it"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let runtime = tempfile::tempdir().expect("runtime dir");
    let output = Command::new("xvfb-run")
        .args(["--auto-servernum", "--server-args=-screen 0 1366x768x24"])
        .arg(env!("CARGO_BIN_EXE_partnerpath"))
        .arg("--demo")
        .arg("--db")
        .arg(dir.path().join("sample.sqlite"))
        .arg("--exit-after-first-frame")
        .env("XDG_RUNTIME_DIR", runtime.path())
        .output()
        .expect("start the program under xvfb-run");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the program failed: {}\nstdout: {stdout}\nstderr: {stderr}",
        output.status
    );
    let line = stdout
        .lines()
        .find(|l| l.starts_with("first frame painted after "))
        .unwrap_or_else(|| panic!("no first frame reported\nstdout: {stdout}\nstderr: {stderr}"));
    // "first frame painted after N ms (wgpu)", or "(OpenGL)" after a fallback.
    let (millis, renderer) = line
        .trim_start_matches("first frame painted after ")
        .split_once(" ms (")
        .expect("a time and a renderer");
    let millis: u64 = millis.parse().expect("a number of milliseconds");
    assert!(
        ["wgpu)", "OpenGL)"].contains(&renderer),
        "the renderer is named: {line}"
    );
    println!("{line} ({millis} ms)");
}
