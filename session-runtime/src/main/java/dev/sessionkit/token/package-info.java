/** Session tokens: minting, signing, verification and the cookie parser in front of them. */
package dev.sessionkit.token;
