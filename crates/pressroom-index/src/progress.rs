//! The spinner long commands show on a terminal (`index`, `publish`): elapsed time, records
//! done and their rate; hidden when not shown.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// A spinner with `template` (indicatif's), ticking on its own; hidden unless `show`.
pub fn progress_spinner(show: bool, template: &str) -> ProgressBar {
    let progress = if show {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner()));
    progress.enable_steady_tick(Duration::from_millis(200));
    progress
}
