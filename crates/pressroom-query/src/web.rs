//! The search page (`GET /`): static assets compiled into the binary, and the country points
//! its map needs (`GET /api/countries`). The page itself talks to the JSON API.

use crate::error::SearchError;
use axum::http::header;
use axum::response::{IntoResponse, Response};

const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const APP_CSS: &str = include_str!("../web/app.css");

/// Served pages must not run other origins' scripts or be framed.
const CONTENT_SECURITY_POLICY: &str =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'";

pub async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        ],
        INDEX_HTML,
    )
        .into_response()
}

pub async fn script() -> Response {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], APP_JS).into_response()
}

pub async fn stylesheet() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS).into_response()
}

/// `[{"iso3", "name", "latitude", "longitude"}]` for every country with a point.
pub fn countries_json(gazetteer: &pressroom_enrich::Gazetteer) -> Result<serde_json::Value, SearchError> {
    let points = pressroom_enrich::country_points().map_err(|error| SearchError::Internal(error.to_string()))?;
    let countries: Vec<serde_json::Value> = points
        .into_iter()
        .filter_map(|(iso3, latitude, longitude)| {
            let name = gazetteer.country(&iso3)?.name.clone();
            let round = |degrees: f32| (f64::from(degrees) * 1000.0).round() / 1000.0;
            Some(serde_json::json!({"iso3": iso3, "name": name, "latitude": round(latitude), "longitude": round(longitude)}))
        })
        .collect();
    Ok(serde_json::Value::Array(countries))
}
