//! Running Kolega: opening the database (the private cluster or
//! `DATABASE_URL`), serving HTTP with the mail worker beside it, and
//! shutting everything down in order on Ctrl-C or SIGTERM.

use std::net::SocketAddr;

use anyhow::Context;
use sqlx::PgPool;
use tokio::sync::watch;

use crate::app::AppState;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{self, embedded};
use crate::library::files::FileStore;
use crate::notify::Mailer;
use crate::notify::worker::Worker;

/// The database the process uses, and the private cluster if it runs one.
pub struct Database {
    pub pool: PgPool,
    cluster: Option<embedded::Access>,
}

const APP_DATABASE: &str = "kolega";

/// Whether the process may share the private cluster with a running server.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Sharing {
    /// A server or worker: owns the cluster, refuses a second owner.
    Owner,
    /// A short command (`create-user`, `seed-demo`, `migrate`): joins the
    /// running server's cluster, or starts its own when none runs.
    JoinRunning,
}

impl Database {
    /// Connects (starting or joining the private cluster when `DATABASE_URL`
    /// is unset) and brings the schema up to date.
    pub async fn open(config: &Config, sharing: Sharing) -> anyhow::Result<Database> {
        let (options, cluster) = match &config.database_url {
            Some(url) => (db::options_from_url(url)?, None),
            None => {
                let options = embedded::ClusterOptions {
                    root: config.data_dir.clone(),
                    throwaway: false,
                };
                let access = match sharing {
                    Sharing::Owner => {
                        embedded::Access::Own(embedded::Cluster::start(&options).await?)
                    }
                    Sharing::JoinRunning => embedded::Cluster::start_or_join(&options).await?,
                };
                access.ensure_database(APP_DATABASE).await?;
                (access.connect_options(APP_DATABASE), Some(access))
            }
        };
        let pool = db::connect(options, 8)
            .await
            .context("cannot connect to PostgreSQL")?;
        db::migrate(&pool)
            .await
            .context("cannot apply the database migrations")?;
        crate::directory::reference::load(&pool)
            .await
            .context("cannot load the service map's reference data")?;
        Ok(Database { pool, cluster })
    }

    /// Closes the pool, then stops the private cluster if there is one.
    pub async fn close(self) -> anyhow::Result<()> {
        self.pool.close().await;
        if let Some(cluster) = self.cluster {
            cluster.stop().await?;
        }
        Ok(())
    }
}

pub fn worker(config: &Config, pool: PgPool) -> anyhow::Result<Worker> {
    Ok(Worker {
        pool,
        mailer: Mailer::from_config(config)?,
        from: config.mail_from.clone(),
        clock: Clock::System,
    })
}

/// `kolega serve`: HTTP and the mail worker until a shutdown signal.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let database = Database::open(&config, Sharing::Owner).await?;
    let result = serve_with(&config, database.pool.clone()).await;
    database.close().await?;
    result
}

async fn serve_with(config: &Config, pool: PgPool) -> anyhow::Result<()> {
    let state = AppState::new(pool.clone(), config.clone(), Clock::System)?;
    checked_file_store(&state.files).await?;
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let worker = tokio::spawn(
        worker(config, pool.clone())?.run(config.mail_poll_interval, shutdown_rx.clone()),
    );
    let scheduler = tokio::spawn(crate::scheduler::run(
        pool.clone(),
        config.base_url.clone(),
        state.files.clone(),
        Clock::System,
        config.request_timeout,
        shutdown_rx,
    ));
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| {
            format!(
                "cannot listen on {} (set KOLEGA_BIND to another address)",
                config.bind
            )
        })?;
    tracing::info!(address = %listener.local_addr()?, base_url = %config.base_url, "Kolega is serving");
    let served = axum::serve(
        listener,
        crate::router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    let _ = shutdown_tx.send(true);
    let _ = worker.await;
    let _ = scheduler.await;
    served.context("the HTTP server failed")
}

/// `kolega worker`: only the mail worker, for deployments that separate it.
pub async fn run_worker(config: Config) -> anyhow::Result<()> {
    let database = Database::open(&config, Sharing::Owner).await?;
    let (shutdown_tx, shutdown_rx) = watch::channel(false);
    let files = FileStore::from_config(&config)?;
    checked_file_store(&files).await?;
    let task = tokio::spawn(
        worker(&config, database.pool.clone())?.run(config.mail_poll_interval, shutdown_rx.clone()),
    );
    let scheduler = tokio::spawn(crate::scheduler::run(
        database.pool.clone(),
        config.base_url.clone(),
        files,
        Clock::System,
        config.request_timeout,
        shutdown_rx,
    ));
    shutdown_signal().await;
    let _ = shutdown_tx.send(true);
    let _ = task.await;
    let _ = scheduler.await;
    database.close().await
}

/// Library files must have somewhere to go before anyone uploads one.
async fn checked_file_store(files: &FileStore) -> anyhow::Result<()> {
    files
        .check()
        .await
        .context("the library's file store is not usable (KOLEGA_DATA_DIR, or KOLEGA_S3_*)")
}

/// Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("installing a SIGTERM handler cannot fail at start-up");
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate.recv() => {}
    }
    tracing::info!("shutting down");
}
