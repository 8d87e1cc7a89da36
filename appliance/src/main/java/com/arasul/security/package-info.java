/**
 * Who may talk to the appliance: the admin account, the JWTs it logs in with, their revocation,
 * lockout, rate limits and the security headers of every answer.
 */
package com.arasul.security;
