package dev.microshop.order.infrastructure.grpc;

import dev.microshop.contracts.inventory.v1.InventoryServiceGrpc;
import dev.microshop.contracts.user.v1.UserServiceGrpc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

/**
 * Stubs of the services order-service asks synchronously. Channels are named after the services; their addresses
 * ({@code discovery:///<service>} in config/order-service.yml) resolve through discovery.
 */
@Configuration(proxyBeanMethods = false)
class GrpcClients {

    @Bean
    UserServiceGrpc.UserServiceBlockingStub userService(GrpcChannelFactory channels) {
        return UserServiceGrpc.newBlockingStub(channels.createChannel("user-service"));
    }

    @Bean
    InventoryServiceGrpc.InventoryServiceBlockingStub inventoryService(GrpcChannelFactory channels) {
        return InventoryServiceGrpc.newBlockingStub(channels.createChannel("inventory-service"));
    }
}
