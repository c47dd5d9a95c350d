//! `partnerpath server …`: what district IT runs to keep PartnerPath's
//! database on a PostgreSQL server (docs/SERVER.md): set it up, upgrade
//! it, and move a file's partnerships onto it.

use std::path::Path;

use clap::{Args, Subcommand, ValueEnum};
use partnerpath::instrument::Instruments;
use partnerpath::model::Role;
use partnerpath::problem::{Doing, Problem};
use partnerpath::session::{ExportScope, Session};
use partnerpath_store::{ServerAddress, SetUp, add_server_user, set_up_server};

use crate::cli::ConflictArg;

#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Create PartnerPath's tables in an empty database on the server.
    /// A database holding anything else is refused and left as it was.
    Init(UrlArgs),
    /// Upgrade PartnerPath's tables on the server to this program's
    /// version (after installing a newer PartnerPath).
    Migrate(UrlArgs),
    /// Give a person a PartnerPath account: a PostgreSQL user of their own
    /// with a role, kept to a district unless a state administrator. Run
    /// again to change the role or district.
    AddUser(AddUserArgs),
    /// Copy every partnership of a PartnerPath file (--db FILE) onto the
    /// server, as importing each one's exchange file would: prints what is
    /// new and any conflict, and writes only when every conflict has a
    /// choice.
    Upload(UploadArgs),
}

#[derive(Debug, Args)]
pub struct UrlArgs {
    /// The database: postgres://USER@HOST/DATABASE (the password from
    /// PGPASSWORD or ~/.pgpass; add ?sslrootcert=FILE for IT's own
    /// certificate authority).
    #[arg(long, value_name = "URL")]
    pub url: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// Reads the district's partnerships; changes nothing.
    Viewer,
    /// Rates and edits the district's partnerships.
    Assessor,
    /// An assessor who also reads the district's history.
    DistrictAdmin,
    /// Sees and edits every district's partnerships.
    StateAdmin,
}

#[derive(Debug, Args)]
pub struct AddUserArgs {
    /// Their user name on the server (letters, digits, . _ - @).
    pub name: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Their district, exactly as its partnerships name it (not for a
    /// state administrator).
    #[arg(long)]
    pub district: Option<String>,
    /// Read their password from the first line of standard input (for a
    /// new user; without it, set one with psql's \password).
    #[arg(long)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub server: UrlArgs,
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    #[command(flatten)]
    pub server: UrlArgs,
    /// Print what would be copied, and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// How to settle records changed both in the file and on the server;
    /// required when there are any.
    #[arg(long, value_enum)]
    pub conflicts: Option<ConflictArg>,
}

/// Runs `command`; `db` is the file --db names. Returns the lines to print.
pub fn run(
    command: &ServerCommand,
    db: Option<&Path>,
    instruments: Instruments,
) -> Result<Vec<String>, Problem> {
    match command {
        ServerCommand::Init(args) => set_up(&args.url, true),
        ServerCommand::Migrate(args) => set_up(&args.url, false),
        ServerCommand::AddUser(args) => add_user(args),
        ServerCommand::Upload(args) => {
            let db = db.ok_or_else(|| {
                Problem::new(
                    "Which file's partnerships should be copied?",
                    "Give the file with --db FILE.",
                )
            })?;
            upload(args, db, instruments)
        }
    }
}

fn set_up(url: &str, create: bool) -> Result<Vec<String>, Problem> {
    let address = ServerAddress::parse(url).map_err(|e| Problem::store(&e, Doing::Opening))?;
    let done = set_up_server(&address, create).map_err(|e| Problem::store(&e, Doing::Opening))?;
    let shown = address.shown();
    Ok(vec![match done {
        SetUp::Created(version) => {
            format!("Set up PartnerPath (schema version {version}) in {shown}.")
        }
        SetUp::Upgraded(from, to) => {
            format!("Upgraded PartnerPath's schema in {shown} from version {from} to {to}.")
        }
        SetUp::Current(version) => {
            format!(
                "{shown} already has PartnerPath's schema version {version}; nothing was changed."
            )
        }
    }])
}

fn add_user(args: &AddUserArgs) -> Result<Vec<String>, Problem> {
    let role = match args.role {
        RoleArg::Viewer => Role::Viewer,
        RoleArg::Assessor => Role::Assessor,
        RoleArg::DistrictAdmin => Role::DistrictAdmin,
        RoleArg::StateAdmin => Role::StateAdmin,
    };
    let district = args.district.as_deref().unwrap_or_default();
    if role.has_district() && district.trim().is_empty() {
        return Err(Problem::new(
            format!("Each {} works in one district: which?", role.label()),
            "Give it with --district \"…\", exactly as the district's partnerships name it.",
        ));
    }
    if !role.has_district() && !district.is_empty() {
        return Err(Problem::new(
            "A state administrator sees every district, so takes no --district.",
            "Leave out --district.",
        ));
    }
    let password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).map_err(|e| {
            Problem::new(
                format!("The password could not be read ({e})."),
                "Give it on the first line of standard input.",
            )
        })?;
        Some(line.trim_end_matches(['\r', '\n']).to_owned())
    } else {
        None
    };
    let address =
        ServerAddress::parse(&args.server.url).map_err(|e| Problem::store(&e, Doing::Opening))?;
    add_server_user(&address, &args.name, role, district, password.as_deref())
        .map_err(|e| Problem::store(&e, Doing::Saving))?;
    let place = if role.has_district() {
        format!(" for {}", district.trim())
    } else {
        String::new()
    };
    let label = role.label();
    let article = if label.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    Ok(vec![format!(
        "{} is {article} {label}{place} in {}.",
        args.name,
        address.shown()
    )])
}

/// Plans every partnership's import first, and writes only if all can be
/// written as chosen.
fn upload(args: &UploadArgs, db: &Path, instruments: Instruments) -> Result<Vec<String>, Problem> {
    let file = Session::open(db)?;
    let mut server = Session::connect(&args.server.url)?;
    let choice = ConflictArg::choice(args.conflicts);
    let mut lines = Vec::new();
    let mut planned = Vec::new();
    let mut unsettled = false;
    for summary in file.summaries() {
        let partnership = &summary.partnership;
        if partnership.is_sample {
            lines.push(format!(
                "“{}”: the fictional sample, left out.",
                partnership.name
            ));
            continue;
        }
        let bytes = file.export(partnership.id, &ExportScope::Whole)?;
        let (exchange, mut plan) = server.plan_import(&bytes, instruments)?;
        for conflict in &mut plan.conflicts {
            conflict.choice = choice;
        }
        unsettled |= !plan.conflicts.is_empty() && args.conflicts.is_none();
        for line in plan.report() {
            lines.push(format!("“{}”: {line}", partnership.name));
        }
        planned.push((exchange, plan));
    }
    if planned.is_empty() {
        lines.push(format!("{} holds no partnership to copy.", db.display()));
        return Ok(lines);
    }
    if args.dry_run {
        lines.push("Nothing was written (--dry-run).".to_owned());
        return Ok(lines);
    }
    if unsettled {
        return Err(ConflictArg::unsettled(&lines));
    }
    let mut copied = 0;
    for (exchange, plan) in &planned {
        if plan.writes_nothing() {
            continue;
        }
        server.import(exchange, plan).map_err(|problem| {
            problem.preceded_by(&format!(
                "{copied} partnerships were copied before “{}”, which was not.",
                exchange.partnership.name
            ))
        })?;
        copied += 1;
    }
    let already = planned.len() - copied;
    lines.push(match already {
        0 => format!("Copied {copied} partnerships to the server."),
        _ => {
            format!("Copied {copied} partnerships to the server; {already} had nothing new for it.")
        }
    });
    Ok(lines)
}
