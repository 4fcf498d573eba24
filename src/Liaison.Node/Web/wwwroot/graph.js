// Graph explorer: draws the case graph embedded in the page (#graph-data) with Cytoscape.js.
// Filters, layouts and PNG export run here; the path between two subjects is found on the server.
(function () {
    'use strict';
    var dataEl = document.getElementById('graph-data');
    var container = document.getElementById('graph');
    if (!dataEl || !container || typeof window.cytoscape !== 'function') {
        return;
    }
    var data = JSON.parse(dataEl.textContent);

    var schemaColours = {
        Person: '#2563eb', Organization: '#7c3aed', Company: '#7c3aed', LegalEntity: '#7c3aed',
        Phone: '#059669', Email: '#0891b2', OnlineAccount: '#db2777', UserAccount: '#db2777',
        Advertisement: '#ea580c', Address: '#65a30d', Location: '#65a30d', Vehicle: '#92400e',
        BankAccount: '#ca8a04', CryptoWallet: '#d97706', IdentityDocument: '#475569', Passport: '#475569',
        Identification: '#475569', Image: '#9333ea'
    };
    var communityColours = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#92400e', '#475569'];
    var tlpColours = { 'TLP:RED': '#ff2b2b', 'TLP:AMBER+STRICT': '#e0a800', 'TLP:AMBER': '#ffc000', 'TLP:GREEN': '#2fbf00', 'TLP:CLEAR': '#9aa5b1' };
    var hasCommunities = data.nodes.some(function (n) { return n.community !== undefined && n.community !== null; });

    var elements = [];
    data.nodes.forEach(function (n) {
        var colour = hasCommunities && n.community !== undefined && n.community !== null
            ? communityColours[n.community % communityColours.length]
            : (schemaColours[n.schema] || '#6b7280');
        elements.push({ group: 'nodes', data: {
            id: n.id, label: n.label, schema: n.schema, tlp: n.tlp, handling: n.handling, degree: n.degree,
            size: 16 + 44 * (n.size || 0), colour: colour, border: tlpColours[n.tlp] || '#9aa5b1'
        } });
    });
    data.edges.forEach(function (e) {
        elements.push({ group: 'edges', data: {
            id: e.id, source: e.source, target: e.target, schema: e.schema, tlp: e.tlp, handling: e.handling,
            weight: e.weight, recordId: e.recordId || '', width: 1.2 + Math.min(6, Math.log(e.weight) * 1.6),
            label: e.weight > 1 ? e.schema + ' \u00d7' + e.weight : e.schema
        } });
    });

    var cy = window.cytoscape({
        container: container,
        elements: elements,
        minZoom: 0.1,
        maxZoom: 4,
        style: [
            { selector: 'node', style: {
                'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
                'border-width': 3, 'border-color': 'data(border)', 'label': 'data(label)', 'font-size': 9,
                'color': '#1f2933', 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis',
                'text-max-width': '110px', 'min-zoomed-font-size': 5
            } },
            // Name the people and the hubs; the many one-link phones and adverts only when selected.
            { selector: 'node[degree < 2][schema != "Person"]', style: { 'label': '' } },
            { selector: 'node:selected', style: { 'label': 'data(label)' } },
            { selector: 'node[tlp = "TLP:AMBER+STRICT"]', style: { 'border-style': 'double', 'border-width': 6 } },
            { selector: 'node[tlp = "TLP:RED"]', style: { 'border-width': 4 } },
            { selector: 'edge', style: {
                'width': 'data(width)', 'line-color': '#a3adb8', 'curve-style': 'bezier', 'opacity': 0.85
            } },
            { selector: 'edge[schema = "Call"]', style: { 'line-color': '#7b8794', 'line-style': 'dashed' } },
            { selector: 'edge:selected, edge.hover', style: { 'label': 'data(label)', 'font-size': 8, 'text-background-color': '#fff', 'text-background-opacity': 1 } },
            { selector: 'node:selected', style: { 'overlay-color': '#1f4e8c', 'overlay-opacity': 0.18, 'overlay-padding': 6 } },
            { selector: '.on-path', style: { 'line-color': '#f59e0b', 'border-color': '#f59e0b', 'width': 5, 'z-index': 10, 'opacity': 1 } },
            { selector: 'node.on-path', style: { 'border-width': 6, 'width': 'data(size)' } },
            { selector: '.faded', style: { 'opacity': 0.18 } }
        ]
    });
    window.liaisonGraph = cy;

    var status = document.getElementById('graph-status');
    var selection = document.getElementById('graph-selection');

    function checkedValues(selector) {
        var set = {};
        document.querySelectorAll(selector).forEach(function (box) { set[box.value] = box.checked; });
        return set;
    }

    function applyFilters() {
        var nodeTypes = checkedValues('.filter-node-type');
        var edgeTypes = checkedValues('.filter-edge-type');
        var tlps = checkedValues('.filter-tlp');
        cy.batch(function () {
            cy.nodes().forEach(function (n) {
                var show = nodeTypes[n.data('schema')] !== false && tlps[n.data('tlp')] !== false;
                n.style('display', show ? 'element' : 'none');
            });
            cy.edges().forEach(function (e) {
                var show = edgeTypes[e.data('schema')] !== false && tlps[e.data('tlp')] !== false
                    && e.source().style('display') !== 'none' && e.target().style('display') !== 'none';
                e.style('display', show ? 'element' : 'none');
            });
        });
        var shownNodes = cy.nodes().filter(function (n) { return n.style('display') !== 'none'; }).length;
        var shownEdges = cy.edges().filter(function (e) { return e.style('display') !== 'none'; }).length;
        container.setAttribute('data-nodes', String(shownNodes));
        container.setAttribute('data-edges', String(shownEdges));
        if (status) {
            status.textContent = shownNodes + ' of ' + cy.nodes().length + ' entities, ' + shownEdges + ' of ' + cy.edges().length + ' links shown';
        }
    }

    var layoutSelect = document.getElementById('layout');
    function runLayout() {
        var name = layoutSelect ? layoutSelect.value : 'cose';
        var options = { name: name, animate: false, fit: true, padding: 30 };
        if (name === 'cose') {
            options.nodeRepulsion = function () { return 20000; };
            options.idealEdgeLength = function () { return 80; };
            options.componentSpacing = 60;
            options.randomize = true;
        } else if (name === 'concentric') {
            options.concentric = function (n) { return n.data('degree'); };
            options.levelWidth = function () { return 2; };
            options.minNodeSpacing = 12;
        } else if (name === 'breadthfirst') {
            options.directed = false;
            options.spacingFactor = 1.1;
        }
        cy.elements(':visible').layout(options).run();
    }

    function highlightPath() {
        if (!data.path || data.path.length === 0) {
            return;
        }
        var nodes = cy.collection();
        data.path.forEach(function (id) { nodes = nodes.union(cy.getElementById(id)); });
        var edges = nodes.edgesWith(nodes).filter(function (e) {
            var i = data.path.indexOf(e.source().id());
            var j = data.path.indexOf(e.target().id());
            return Math.abs(i - j) === 1;
        });
        cy.elements().addClass('faded');
        nodes.union(edges).removeClass('faded').addClass('on-path');
        cy.fit(nodes.closedNeighborhood(), 40);
    }

    function describe(ele) {
        if (!selection) {
            return;
        }
        selection.textContent = '';
        var title = document.createElement('strong');
        title.textContent = ele.isNode() ? ele.data('label') : ele.data('label');
        selection.appendChild(title);
        var meta = document.createElement('span');
        meta.className = 'muted';
        meta.textContent = ' ' + ele.data('schema') + ' \u00b7 ' + ele.data('tlp') + (ele.data('handling') && ele.data('handling') !== 'none' ? ' \u00b7 ' + ele.data('handling') : '')
            + (ele.isNode() ? ' \u00b7 ' + ele.data('degree') + ' links ' : ' ');
        selection.appendChild(meta);
        var id = ele.isNode() ? ele.id() : ele.data('recordId');
        if (id) {
            var link = document.createElement('a');
            link.href = container.getAttribute('data-entity-base') + encodeURIComponent(id);
            link.textContent = 'Open record';
            selection.appendChild(link);
        }
    }

    cy.on('tap', 'node, edge', function (evt) { describe(evt.target); });
    cy.on('dbltap', 'node', function (evt) {
        window.location.href = container.getAttribute('data-entity-base') + encodeURIComponent(evt.target.id());
    });
    cy.on('mouseover', 'edge', function (evt) { evt.target.addClass('hover'); });
    cy.on('mouseout', 'edge', function (evt) { evt.target.removeClass('hover'); });

    document.querySelectorAll('.filter-node-type, .filter-edge-type, .filter-tlp').forEach(function (box) {
        box.addEventListener('change', function () { applyFilters(); runLayout(); });
    });
    if (layoutSelect) {
        layoutSelect.addEventListener('change', runLayout);
    }

    // PNG export stamps the marking above the picture: a graph carries its handling wherever it goes.
    var exportButton = document.getElementById('export-png');
    if (exportButton) {
        exportButton.addEventListener('click', function () {
            var scale = 2;
            var png = cy.png({ output: 'base64uri', full: true, scale: scale, bg: '#ffffff' });
            var img = new Image();
            img.onload = function () {
                var band = 34 * scale;
                var canvas = document.createElement('canvas');
                canvas.width = Math.max(img.width, 900);
                canvas.height = img.height + band;
                var ctx = canvas.getContext('2d');
                ctx.fillStyle = '#ffffff';
                ctx.fillRect(0, 0, canvas.width, canvas.height);
                ctx.fillStyle = '#000000';
                ctx.fillRect(0, 0, canvas.width, band);
                var marking = container.getAttribute('data-marking') || '';
                ctx.fillStyle = tlpColours[marking.split(' ')[0]] || '#ffffff';
                ctx.font = 'bold ' + (14 * scale) + 'px sans-serif';
                ctx.textBaseline = 'middle';
                var line = marking + '  \u00b7  case ' + container.getAttribute('data-case') + '  \u00b7  exported by '
                    + container.getAttribute('data-user') + ' ' + new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
                ctx.fillText(line, 12 * scale, band / 2);
                ctx.drawImage(img, 0, band);
                canvas.toBlob(function (blob) {
                    var link = document.getElementById('export-link');
                    link.href = URL.createObjectURL(blob);
                    link.download = container.getAttribute('data-case') + '-graph.png';
                    link.click();
                }, 'image/png');
            };
            img.src = png;
        });
    }

    applyFilters();
    runLayout();
    highlightPath();
    container.setAttribute('data-ready', 'true');
}());
