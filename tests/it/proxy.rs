//! A TCP proxy on loopback between PartnerPath and the test server, to
//! make the network slow (`delay`, each way) or stop it for a while
//! (`hold`, until `release`): what a window does while the server is slow
//! is then seen without a slow server. The benchmark of the window's frames
//! uses it too (`benches/server.rs`).

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

pub struct Proxy {
    /// The port it listens on, on 127.0.0.1.
    pub port: u16,
    /// Until when the bytes are held, if they are.
    held: Gate,
}

type Gate = Arc<Mutex<Option<Instant>>>;

/// The longest `hold` lasts: a program that waited for the network would
/// otherwise wait for ever, and its test never fail.
const LONGEST_HOLD: Duration = Duration::from_secs(5);

impl Proxy {
    /// Passes every connection made to it, on the loopback address `ip`,
    /// on to `upstream` (host, port), each byte `delay` late in each
    /// direction. (127.0.0.2 is this computer too, but not an address
    /// PartnerPath takes for it: it asks for TLS there.)
    pub fn start_on(ip: &str, upstream: (String, u16), delay: Duration) -> Proxy {
        let listener = TcpListener::bind((ip, 0)).expect("a port for the proxy");
        let port = listener.local_addr().expect("its address").port();
        let held = Gate::default();
        let gate = held.clone();
        spawn("proxy", move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let Ok(server) = TcpStream::connect((upstream.0.as_str(), upstream.1)) else {
                    continue;
                };
                let _ = client.set_nodelay(true);
                let _ = server.set_nodelay(true);
                let (Ok(client_2), Ok(server_2)) = (client.try_clone(), server.try_clone()) else {
                    continue;
                };
                pass(client, server_2, delay, gate.clone());
                pass(server, client_2, delay, gate.clone());
            }
        });
        Proxy { port, held }
    }

    /// The test server's address through the proxy.
    pub fn to_test_server(delay: Duration) -> Proxy {
        Proxy::to_test_server_on("127.0.0.1", delay)
    }

    /// The same, listening on the loopback address `ip`.
    pub fn to_test_server_on(ip: &str, delay: Duration) -> Proxy {
        let host = std::env::var("PGHOST").expect("PGHOST");
        let port = std::env::var("PGPORT")
            .expect("PGPORT")
            .parse()
            .expect("a port");
        // A socket folder is reached over loopback instead.
        let host = if host.starts_with('/') {
            "localhost".to_owned()
        } else {
            host
        };
        Proxy::start_on(ip, (host, port), delay)
    }

    /// Holds every byte from now on, in both directions, until `release`
    /// (or for `LONGEST_HOLD`).
    pub fn hold(&self) {
        *self.held.lock().expect("gate") = Some(Instant::now() + LONGEST_HOLD);
    }

    /// Lets the bytes held through, and every later one.
    pub fn release(&self) {
        *self.held.lock().expect("gate") = None;
    }
}

/// Copies `from` to `to` on two threads: one reads, the other writes each
/// chunk `delay` after it was read, and not while the gate is held.
fn pass(mut from: TcpStream, mut to: TcpStream, delay: Duration, held: Gate) {
    let (chunks, inbox) = mpsc::channel::<(Instant, Vec<u8>)>();
    spawn("proxy reads", move || {
        let mut buffer = vec![0; 64 * 1024];
        while let Ok(n) = from.read(&mut buffer) {
            if n == 0 || chunks.send((Instant::now(), buffer[..n].to_vec())).is_err() {
                break;
            }
        }
    });
    spawn("proxy writes", move || {
        for (read, chunk) in inbox {
            if let Some(wait) = (read + delay).checked_duration_since(Instant::now()) {
                thread::sleep(wait);
            }
            while held
                .lock()
                .expect("gate")
                .is_some_and(|until| Instant::now() < until)
            {
                thread::sleep(Duration::from_millis(2));
            }
            if to.write_all(&chunk).is_err() {
                break;
            }
        }
        let _ = to.shutdown(Shutdown::Write);
    });
}

fn spawn(name: &str, work: impl FnOnce() + Send + 'static) {
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
        .expect("a thread for the proxy");
}
