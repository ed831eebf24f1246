use topocloud_backend::accounts::{seed_demo, DEMO_EMAIL, DEMO_PASSWORD};
use topocloud_backend::config::Config;
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
    if let Err(message) = run(config).await {
        eprintln!("topocloud-backend: {message}");
        std::process::exit(1);
    }
}

async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let state = AppState::new(config.clone())?;
    if config.dev {
        seed_demo(&state.db, &state.clock)?;
    }
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    println!("TopoCloud reference backend listening on http://{addr}");
    println!("  database: {}", config.database.display());
    if config.dev {
        println!("  dev mode: demo account {DEMO_EMAIL} / {DEMO_PASSWORD}");
    }
    if let Some(dir) = &config.site_dir {
        println!("  serving the site from {}", dir.display());
    }
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
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
