/** The sample shop's JSON API. */
package dev.sessionkit.sample.api;
