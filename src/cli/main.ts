console.error('reportpress: not built yet'); process.exit(1);
