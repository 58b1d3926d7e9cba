/**
 * Optional helpers for hosts and plugins, kept apart from the contract itself.
 */
package dev.keyway.api.support;
