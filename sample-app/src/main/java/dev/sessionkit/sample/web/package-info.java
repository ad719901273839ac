/** The shop's server-rendered HTML pages. */
package dev.sessionkit.sample.web;
