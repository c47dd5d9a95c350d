//! Gives the Windows program its icon and version information (product,
//! version, publisher), shown by Explorer and in Settings > Apps. Nothing
//! happens for other systems.

fn main() {
    println!("cargo::rerun-if-changed=assets/icons/partnerpath.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/icons/partnerpath.ico")
        .set("ProductName", "PartnerPath")
        .set("FileDescription", "PartnerPath")
        .set("CompanyName", "The PartnerPath contributors")
        .set(
            "LegalCopyright",
            "The PartnerPath contributors; MIT or Apache-2.0",
        )
        .set("OriginalFilename", "partnerpath.exe");
    if let Err(error) = resource.compile() {
        eprintln!("The Windows resources (icon, version) could not be compiled: {error}");
        std::process::exit(1);
    }
}
