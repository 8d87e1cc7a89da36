/**
 * What every capability stands on: the data folder, the database (embedded PostgreSQL unless an
 * external one is configured), the JSON error shape of the API, the bounded WebSocket broadcast
 * the live endpoints push through and the registry that closes live connections of ended sessions.
 */
package com.arasul.platform;
