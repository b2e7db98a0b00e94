// The service map, a progressive enhancement of /services and
// /services/<id>: the pages work without it (the list is the content), and
// this adds a map of what the list shows and a "near me" button. Plain
// script, no build step, no inline code (the pages' CSP is script-src 'self').
//
// What it reads from the page:
//   #service-map           data-tiles ({z}/{x}/{y} template, empty: no tiles),
//                          data-attribution, data-zoom-in, data-zoom-out, and on
//                          a service's page data-lat, data-lon, data-name
//   li.service             data-lat, data-lon, data-name, data-href (the list)
//   [data-near-me=button]  data-asking, data-denied; with [data-near-me=status]
//                          and the hidden inputs [data-near-me=lat|lon]
(function () {
  'use strict';

  function coordinate(text, limit) {
    var value = parseFloat(text);
    return isFinite(value) && Math.abs(value) <= limit ? value : null;
  }

  /** The places to show: the service of the page, or every listed one. */
  function places(container) {
    var elements = container.hasAttribute('data-lat')
      ? [container]
      : Array.prototype.slice.call(document.querySelectorAll('li.service[data-lat][data-lon]'));
    var found = [];
    elements.forEach(function (element) {
      var lat = coordinate(element.getAttribute('data-lat'), 90);
      var lon = coordinate(element.getAttribute('data-lon'), 180);
      if (lat === null || lon === null) return;
      found.push({
        lat: lat,
        lon: lon,
        name: element.getAttribute('data-name') || '',
        href: element.getAttribute('data-href') || '',
      });
    });
    return found;
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** A popup's content as elements (names are never parsed as HTML). */
  function popupContent(place) {
    var element = document.createElement(place.href ? 'a' : 'strong');
    element.textContent = place.name;
    if (place.href) element.href = place.href;
    return element;
  }

  function showMap() {
    var container = document.getElementById('service-map');
    if (!container || typeof window.L === 'undefined') return;
    var L = window.L;
    var list = places(container);
    if (list.length === 0) return;

    // Shown before Leaflet measures it.
    container.hidden = false;
    var map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      // The page scrolls under the wheel and, on a phone, under one finger;
      // the map zooms with its buttons, the keyboard (+ and -) and a pinch.
      scrollWheelZoom: false,
      dragging: !L.Browser.mobile,
    });
    L.control
      .zoom({
        zoomInTitle: container.getAttribute('data-zoom-in') || '+',
        zoomOutTitle: container.getAttribute('data-zoom-out') || '-',
      })
      .addTo(map);

    var tiles = container.getAttribute('data-tiles');
    if (tiles) {
      // Tiles that do not load leave a plain background; the markers stay.
      L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
      var attribution = escapeHtml(container.getAttribute('data-attribution') || '');
      if (/openstreetmap\.org/.test(tiles)) {
        attribution = '<a href="https://www.openstreetmap.org/copyright">' + attribution + '</a>';
      }
      L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addAttribution(attribution).addTo(map);
    } else {
      container.classList.add('no-tiles');
    }

    var bounds = L.latLngBounds([]);
    list.forEach(function (place) {
      // Not focusable: the list beside the map has every link, so a
      // keyboard does not walk through 25 markers to get past the map.
      L.marker([place.lat, place.lon], { keyboard: false, alt: place.name })
        .bindPopup(popupContent(place), { closeButton: false })
        .addTo(map);
      bounds.extend([place.lat, place.lon]);
    });
    if (list.length === 1) {
      map.setView([list[0].lat, list[0].lon], 13);
    } else {
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    }
  }

  function nearMe() {
    var button = document.querySelector('[data-near-me="button"]');
    var form = button && button.form;
    if (!form || !navigator.geolocation || window.isSecureContext === false) return;
    var status = form.querySelector('[data-near-me="status"]');
    var lat = form.querySelector('input[data-near-me="lat"]');
    var lon = form.querySelector('input[data-near-me="lon"]');
    var place = form.querySelector('select[name="place"]');
    var near = form.querySelector('input[name="mode"][value="near"]');
    if (!status || !lat || !lon) return;
    var wrapper = button.closest('.near-me');
    if (wrapper) wrapper.hidden = false;

    var asking = false;
    button.addEventListener('click', function () {
      if (asking) return;
      asking = true;
      status.textContent = button.getAttribute('data-asking') || '';
      navigator.geolocation.getCurrentPosition(
        function (position) {
          // Two decimals (about a kilometre) order the list just as well and
          // keep a precise position out of the address and the server's logs.
          lat.value = position.coords.latitude.toFixed(2);
          lon.value = position.coords.longitude.toFixed(2);
          if (near) near.checked = true;
          if (place) place.value = '';
          form.submit();
        },
        function () {
          asking = false;
          status.textContent = button.getAttribute('data-denied') || '';
        },
        { enableHighAccuracy: false, timeout: 20000, maximumAge: 600000 }
      );
    });

    // A place chosen from the list (or "only in this municipality") replaces
    // a position shared earlier, which the hidden fields would otherwise keep.
    function forget() {
      lat.value = '';
      lon.value = '';
    }
    if (place) place.addEventListener('change', forget);
    var only = form.querySelector('input[name="mode"][value="in"]');
    if (only) only.addEventListener('change', forget);
  }

  showMap();
  nearMe();
})();
