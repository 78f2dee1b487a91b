namespace LinkedIn.Simulator.Screens.Widgets;

/// <summary><c>/xdoor/scripts/in.js</c>: the LinkedIn JS SDK emulation that turns <c>IN/…</c> script tags into widget iframes and relays their events.</summary>
internal static class InJsScript
{
    public const string InJs = """
        /* LinkedIn JS SDK (simulator). Parses the script tag body ("api_key: ...", "extensions: Name@url,...") like platform.linkedin.com/in.js. */
        (function () {
          var me = document.currentScript;
          if (!me) { var all = document.getElementsByTagName('script'); for (var i = 0; i < all.length; i++) { if ((all[i].src || '').indexOf('/xdoor/scripts/in.js') >= 0) { me = all[i]; } } }
          if (!me) { return; }
          var base = new URL(me.src, location.href).origin;
          var cfg = {};
          (me.textContent || me.innerHTML || '').split(/\r?\n/).forEach(function (line) {
            var i = line.indexOf(':');
            if (i > 0) { cfg[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim(); }
          });
          var apiKey = cfg['api_key'] || '';
          var extensions = (cfg['extensions'] || '').split(',').map(function (x) { return x.split('@')[0].trim(); }).filter(Boolean);
          var widgets = {};
          var counter = 0;
          var IN = window.IN = window.IN || {};
          IN.ENV = { api_key: apiKey, extensions: extensions, base: base };
          function render(type, path, extra) {
            if (extensions.indexOf(type) < 0) { return; }
            var tags = document.querySelectorAll('script[type="IN/' + type + '"]');
            for (var i = 0; i < tags.length; i++) {
              var tag = tags[i];
              if (tag.getAttribute('data-li-rendered')) { continue; }
              tag.setAttribute('data-li-rendered', '1');
              var wid = 'li-widget-' + (++counter);
              widgets[wid] = tag;
              var q = 'api_key=' + encodeURIComponent(apiKey) + '&origin=' + encodeURIComponent(location.origin) + '&wid=' + encodeURIComponent(wid) + extra(tag);
              var frame = document.createElement('iframe');
              frame.src = base + path + '?' + q;
              frame.id = wid;
              frame.name = wid;
              frame.className = 'IN-widget IN-' + type;
              frame.title = type;
              frame.style.border = '0';
              frame.width = tag.getAttribute('data-width') || '500';
              frame.height = tag.getAttribute('data-height') || '520';
              tag.parentNode.insertBefore(frame, tag.nextSibling);
            }
          }
          function attr(tag, name, param) { var v = tag.getAttribute(name); return v == null ? '' : '&' + param + '=' + encodeURIComponent(v); }
          IN.parse = function () {
            render('ATSIntegrationWidget', '/xdoor/widgets/ats-integration', function (t) { return attr(t, 'data-supported-bundled-integration-types', 'types'); });
            render('HcmWidget', '/xdoor/widgets/hcm', function (t) {
              return attr(t, 'data-ats-candidate-id', 'candidate') + attr(t, 'data-integration-context', 'context') + attr(t, 'data-show-unlink-url', 'showUnlink') + attr(t, 'data-confirm-unlink', 'confirmUnlink') + attr(t, 'data-widget-type', 'widgetType');
            });
          };
          window.addEventListener('message', function (e) {
            if (e.origin !== base || !e.data || e.data.liSim !== 'widget') { return; }
            var tag = widgets[e.data.wid];
            if (!tag) { return; }
            var fnName = tag.getAttribute('data-on' + e.data.event);
            var fn = fnName ? window[fnName] : null;
            if (typeof fn === 'function') { fn(e.data.arg); }
          });
          if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', IN.parse); } else { IN.parse(); }
        })();
        """;

    public static void Map(WebApplication app) =>
        app.MapGet("/xdoor/scripts/in.js", () => Results.Text(InJs, "application/javascript; charset=utf-8"));
}
