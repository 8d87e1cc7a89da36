/**
 * What every capability stands on: the data folder, the database (embedded PostgreSQL unless an
 * external one is configured) and the JSON error shape of the API.
 */
package com.arasul.platform;
