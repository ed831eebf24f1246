use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};
use topocloud_backend::config::Config;
use topocloud_backend::dev::seed;
use topocloud_backend::{router, AppState};

#[tokio::main]
async fn main() {
    let config = match Config::parse(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(config) => config,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    topocloud_backend::logging::init();
    if let Err(message) = run(config).await {
        tracing::error!("topocloud-backend: {message}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let state = AppState::new(config.clone())?;
    if config.dev {
        seed::seed(&state)?;
    }
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    println!("TopoCloud reference backend listening on http://{addr}");
    println!("  database: {}", config.database.display());
    if config.dev {
        let site = &config.public_url;
        println!("  dev mode: demo account {DEMO_EMAIL} / {DEMO_PASSWORD}");
        println!(
            // Not the password again: dev mode's one line that may print it is the one above.
            "  two-step: {} (the same password), authenticator key {}",
            seed::TWO_STEP_EMAIL,
            seed::TWO_STEP_SECRET
        );
        println!("  mailbox:  {site}/dev/mail");
        println!(
            "  invited:  {} (main account of {}; invitation in the mailbox)",
            seed::MAIN_INVITEE,
            seed::ORGANISATION
        );
        println!(
            "  employee: {} (invited once assigned: curl -X POST {site}/dev/api/projects/assign \\\n              -H 'content-type: application/json' -d '{{\"email\":\"{}\",\"project\":\"Kadastrale meting Zuid\"}}')",
            seed::EMPLOYEE,
            seed::EMPLOYEE
        );
    }
    if let Some(dir) = &config.site_dir {
        println!("  serving the site from {}", dir.display());
    }
    let mail_queue = state.mail_queue.clone();
    topocloud_backend::pruning::start(state.clone());
    // The peer address feeds the per-client rate limits.
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    // Emails of requests already answered are still on the queue: send them before exiting.
    mail_queue.flush().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
