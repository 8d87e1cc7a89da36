/**
 * What every capability stands on: the data folder, the database (embedded PostgreSQL unless an
 * external one is configured), the JSON error shape of the API and the bounded WebSocket broadcast
 * the live endpoints push through.
 */
package com.arasul.platform;
