// The page's live connection to the shop: the cart badge follows the cart, the account page's
// device list follows sign-ins and sign-outs, and a page whose session ended says so at once.
(function () {
  'use strict';
  var attempts = 0;

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + '/live');
    socket.onopen = function () {
      attempts = 0;
      document.body.dataset.live = 'open';
    };
    socket.onmessage = function (event) {
      var message = JSON.parse(event.data);
      if (typeof message.cart === 'number') {
        showCart(message.cart);
      }
      if (message.sessions) {
        refreshDevices();
      }
    };
    // tag::close[]
    socket.onclose = function (event) {
      document.body.dataset.live = 'closed';
      if (event.code === 1008 && event.reason.indexOf('session renewed') !== 0) {
        signedOut(event.reason);
      } else if (attempts < 5) {
        attempts += 1;
        setTimeout(connect, 1000 * attempts);
      }
    };
    // end::close[]
  }

  function showCart(items) {
    var badge = document.getElementById('cart-count');
    var link = document.getElementById('cart-link');
    if (badge) {
      badge.textContent = String(items);
    }
    if (link) {
      link.setAttribute('aria-label', 'Cart, ' + items + (items === 1 ? ' item' : ' items'));
    }
  }

  function refreshDevices() {
    var devices = document.getElementById('devices');
    if (!devices) {
      return;
    }
    fetch('/account/devices', { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var fresh = html && new DOMParser().parseFromString(html, 'text/html').getElementById('devices');
        if (fresh) {
          devices.replaceWith(fresh);
        }
      });
  }

  function signedOut(reason) {
    var status = document.getElementById('live-status');
    var text = reason.indexOf('expired') >= 0
      ? 'Your session expired. Sign in again to go on.'
      : 'You were signed out on this device. Sign in again to go on.';
    if (status) {
      status.textContent = text;
      status.hidden = false;
    }
    document.body.dataset.signedOut = 'true';
    showCart(0);
    var signOut = document.getElementById('sign-out');
    if (signOut && signOut.form) {
      signOut.form.hidden = true;
    }
    var account = document.getElementById('account-link');
    if (account) {
      account.textContent = 'Sign in';
      account.href = '/sign-in';
      account.id = 'sign-in-link';
    }
  }

  connect();
}());
